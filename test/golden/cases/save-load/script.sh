docker pull alpine
docker save alpine
docker save -o a.tar alpine && docker rmi alpine && docker load -i a.tar
ls -l a.tar
docker images
docker save alpine | docker load

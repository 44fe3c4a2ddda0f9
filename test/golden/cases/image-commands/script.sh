# A first session with images: pull two images that share Debian's layers, name one, remove names and images.
docker pull node:20
docker pull python:3.12
docker pull node:20
docker pull node:lts
docker images
docker tag node:20 myapp:v1
docker images node
docker rmi node:lts
docker rmi node:20 myapp:v1
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'
docker pull alpine
docker image prune -f
docker image prune -a -f
docker images
docker pull nosuchimage
echo "exit $?"
docker pull node:99
docker rmi nope
echo "exit $?"
docker tag Node x
docker search node --limit 3

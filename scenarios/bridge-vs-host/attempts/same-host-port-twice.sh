# Two containers may both listen on port 80 inside, but a host port can be published only once.
docker run -d --name web -p 8080:80 nginx
docker run -d --name hostweb --network host nginx
docker run -d --name web2 -p 8080:80 nginx
docker ps -a

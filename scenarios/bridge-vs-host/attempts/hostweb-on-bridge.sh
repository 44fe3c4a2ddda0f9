# hostweb answers on port 80, but through a published port on the bridge, not through host networking.
docker run -d --name web -p 8080:80 nginx
docker run -d --name hostweb -p 80:80 nginx
docker run -d --name web2 -p 8081:80 nginx
curl -s localhost:80 | head -4

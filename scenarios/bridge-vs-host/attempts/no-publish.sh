# nginx runs, but nothing publishes its port: the host cannot reach it through localhost.
docker run -d --name web nginx
curl -s localhost:8080
curl -s localhost:80
docker run -d --name hostweb --network host nginx
docker run -d --name web2 -p 8081:80 nginx

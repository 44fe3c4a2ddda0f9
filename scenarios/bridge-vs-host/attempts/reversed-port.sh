# -p written the wrong way round: host port 80 forwards to container port 8080, where nginx does not listen.
docker run -d --name web -p 80:8080 nginx
curl -s localhost:8080
docker run -d --name hostweb --network host nginx
docker run -d --name web2 -p 8081:80 nginx
sleep 6
docker ps -a
docker logs hostweb

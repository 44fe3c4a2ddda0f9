# Another valid way: long flags, create then start, and a -p on the host network (ignored, with Docker's warning).
docker create --name web --publish 0.0.0.0:8080:80 nginx:latest
docker start web
docker run --detach --name hostweb --net=host --publish 9090:80 nginx
docker port hostweb
docker run -d --name web2 --publish 8081:80/tcp nginx
curl -s localhost:9090
curl -s localhost:80 | head -4

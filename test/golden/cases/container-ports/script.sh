# Published ports: the host reaches a container's server only through them; a taken port leaves a container Created.
docker run -d --name web -p 8080:80 nginx
docker ps
curl -s localhost:8080 | head -4
curl -sI localhost:8080
curl localhost:8081
docker logs web 2>&1 | tail -3
docker run -d --name web2 -p 8080:80 nginx
docker ps -a --format '{{.Names}}: {{.Status}}'
docker stop web
docker start web2
docker ps --format '{{.Names}} {{.Ports}}'
curl -s -o /dev/null -w '%{http_code}\n' localhost:8080/missing
curl -f localhost:8080/missing
echo $?
# -P publishes the image's EXPOSEd ports on random host ports.
docker run -d -P --name rnd nginx
docker ps --format '{{.Names}} {{.Ports}}'
# Inside a container, localhost is the container; on the default bridge other containers are reachable by address only.
docker run --rm alpine cat /etc/hosts
docker run --rm alpine wget -qO- localhost
docker run --rm alpine wget -qO- 172.17.0.3 | head -4
docker run --rm alpine wget -qO- web2
# Host networking shares the host's ports: -p means nothing there.
docker rm -f web2 rnd
docker run -d --name hostweb --network host -p 8080:80 nginx
curl -s localhost:80 | head -4
curl localhost:8080
docker rm -f hostweb
# docker port lists a running container's bindings; --add-host lines (host-gateway: the bridge's gateway) join /etc/hosts.
docker run -d --name mapped -p 8081:80 -p 127.0.0.1:9000:9000/udp --add-host db.local:10.0.0.5 --add-host host.docker.internal:host-gateway alpine sleep 100
docker port mapped
docker port mapped 80
docker port mapped 9000/udp
docker port mapped 81
docker port mapped abc
docker exec mapped cat /etc/hosts
docker stop mapped
docker port mapped

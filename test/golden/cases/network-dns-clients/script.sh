# On a user-defined network the embedded DNS answers names; every client asks the same resolver and the same routes.
docker network create backend
docker run -d --name db --network backend redis
docker run -d --name web --network backend --network-alias www nginx
docker run --rm --network backend alpine cat /etc/resolv.conf
docker run --rm --network backend alpine ping -c 2 db
docker run --rm --network backend alpine nslookup www
docker run --rm --network backend debian:bookworm getent hosts db
docker run --rm --network backend redis redis-cli -h db ping
docker run --rm --network backend alpine wget -qO- www | head -4
# On the default bridge the same names do not resolve, and the backend network is not reachable by address.
docker run --rm alpine ping -c 1 db
docker run --rm alpine nslookup db
docker run --rm debian:bookworm getent hosts db; echo "exit $?"
docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' db
docker run --rm alpine ping -c 1 -W 2 172.18.0.2

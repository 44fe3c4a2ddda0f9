# Host networking: the container is the host on the network, so -p means nothing (Docker warns) and nginx answers on the host's port 80.
docker run -d --name hostweb --network host -p 8080:80 nginx
curl -s localhost:80 | head -4
curl localhost:8080
# A second host-mode server on the same port cannot bind it.
docker run -d --name hostweb2 --network host nginx
sleep 3
docker logs hostweb2 2>&1 | grep 'already in use' | tail -1
docker ps -a --format '{{.Names}}: {{.Status}}'
docker rm -f hostweb hostweb2
# On the default bridge containers reach each other by address, not by name.
docker run -d --name db redis
docker run --rm busybox ping -c 2 172.17.0.2
docker run --rm busybox ping -c 1 db
# An address on the bridge that nobody holds: ARP gives up after three seconds.
docker run --rm alpine ping -c 5 172.17.0.9
docker run --rm busybox nslookup db
# The host reaches bridge addresses; its ping is iputils'.
ping -c 1 172.17.0.2
ping nowhere
getent hosts localhost
# Legacy --link: the alias in /etc/hosts and the link variables.
docker run --rm --link db:cache busybox sh -c 'grep cache /etc/hosts; env | grep ^CACHE_PORT | sort; ping -c 1 cache'
docker run --rm --link nope alpine true
docker stop db
docker run --rm --link db alpine true

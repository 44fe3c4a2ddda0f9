# The seed's network lesson: on a user-defined network containers find each other by name (the embedded DNS at
# 127.0.0.11); on the default bridge they cannot, and localhost in a container is the container itself.
docker network create my_custom_network
docker network ls
docker run -d -v volume_database:/data/db --name mongo --network my_custom_network -p 27017:27017 mongo
docker build -q -t notes-api .
docker run -d -p 3000:3000 --name backend --network my_custom_network notes-api
docker logs backend
curl -s -X POST -H 'Content-Type: application/json' -d '{"text":"buy milk"}' localhost:3000/notes; echo
curl -s localhost:3000/notes; echo
docker network inspect --format '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{println}}{{end}}' my_custom_network
docker ps --format '{{.Names}}: {{.Networks}}'
docker exec backend cat /etc/resolv.conf
docker exec backend cat /etc/hosts
# The same backend on the default bridge: the name mongo does not resolve there.
docker run -d --name backend-bridge notes-api
sleep 6
docker logs backend-bridge
# Pointed at localhost it reaches its own loopback, where nothing listens.
docker run -d --name backend-localhost -e MONGO_URL=mongodb://localhost:27017 notes-api
sleep 6
docker logs backend-localhost
# A network in use cannot be removed; once its containers are gone, prune takes it.
docker network rm my_custom_network
docker rm -f backend mongo
docker network prune -f
docker network ls

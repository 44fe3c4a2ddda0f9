# The network is right, but the API's port is never published to the host.
docker network create notes-net
docker run -d --name mongo --network notes-net mongo
docker run -d --name backend --network notes-net notes-api
sleep 3
docker logs backend
curl -s localhost:3000/notes

# mongo joins a user-defined network, backend is left on the default bridge.
docker network create notes-net
docker run -d --name mongo --network notes-net mongo
docker run -d --name backend -p 3000:3000 notes-api
sleep 8
docker logs backend

# Publishing MongoDB's port on the host does not help: localhost inside backend is still backend.
docker network create notes-net
docker run -d --name mongo --network notes-net -p 27017:27017 mongo
docker run -d --name backend --network notes-net -p 3000:3000 -e MONGO_URL=mongodb://localhost:27017 notes-api
sleep 8
docker logs backend

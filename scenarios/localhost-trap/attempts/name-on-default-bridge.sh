# The right URL, but on the default bridge the name mongo does not resolve.
docker run -d --name mongo mongo
docker run -d --name backend -p 3000:3000 -e MONGO_URL=mongodb://mongo:27017 notes-api
sleep 8
docker logs backend

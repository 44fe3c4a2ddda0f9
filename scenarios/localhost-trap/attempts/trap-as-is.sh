# The image as it is: the API looks for MongoDB at localhost, which is the backend container itself.
docker network create notes-net
docker run -d --name mongo --network notes-net mongo
docker run -d --name backend --network notes-net -p 3000:3000 notes-api
sleep 8
docker logs backend

# Another valid way: change the app's default to the service name, rebuild, and attach the network afterwards.
sed -i 's|mongodb://localhost:27017|mongodb://db:27017|' src/index.js
docker build -t notes-api:v2 .
docker network create backend-net
docker create --name mongo --network backend-net --network-alias db mongo
docker start mongo
docker run -d --name backend -p 3000:3000 notes-api:v2
docker network connect backend-net backend
sleep 6
docker start backend
sleep 2
curl -s -X POST -H 'Content-Type: application/json' -d '{"text":"by name"}' localhost:3000/notes
curl -s localhost:3000/notes

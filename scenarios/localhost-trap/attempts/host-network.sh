# Works on Linux: both containers share the host's network, so localhost:27017 is mongod on the host's port.
docker run -d --name mongo --network host mongo
docker run -d --name backend --network host notes-api
sleep 3
docker logs backend
curl -s -X POST -H 'Content-Type: application/json' -d '{"text":"via host"}' localhost:3000/notes
curl -s localhost:3000/notes

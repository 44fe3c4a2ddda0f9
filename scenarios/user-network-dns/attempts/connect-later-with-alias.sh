# Another valid way: containers first, network attached afterwards; the API restarted once the name resolves.
docker run -d --name backend -p 3000:3000 notes-api
docker run -d --name mongo mongo
docker network create app-net
docker network connect --alias database app-net mongo
docker network connect app-net backend
sleep 8
docker ps -a
docker start backend
sleep 2
curl -s -X POST -H 'Content-Type: application/json' -d '{"text":"connected later"}' localhost:3000/notes
curl -s localhost:3000/notes

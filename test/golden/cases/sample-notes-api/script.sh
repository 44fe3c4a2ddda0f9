# A sample Express + MongoDB app built from its Dockerfile runs its own JavaScript: it connects, logs, and serves
# requests from the data it stored. (On the default bridge it reaches mongo by address; names need a user network.)
docker build -q -t notes-api .
docker run -d --name mongo mongo
docker inspect --format '{{.NetworkSettings.IPAddress}}' mongo
docker run -d --name backend -p 3000:3000 -e MONGO_URL=mongodb://172.17.0.2:27017 notes-api
docker logs backend
curl -s localhost:3000/notes; echo
curl -s -X POST -H 'Content-Type: application/json' -d '{"text":"buy milk"}' localhost:3000/notes; echo
curl -s -X POST -H 'Content-Type: application/json' -d '{}' -w ' %{http_code}\n' localhost:3000/notes
curl -s localhost:3000/notes; echo
curl -s localhost:3000/health; echo
curl -s -w '%{http_code}\n' localhost:3000/nope
docker exec mongo mongosh --quiet --eval 'db.getSiblingDB("notes").notes.countDocuments()'
# The data is mongo's: a new backend container sees it.
docker rm -f backend
docker run -d --name backend -p 3000:3000 -e MONGO_URL=mongodb://172.17.0.2:27017 notes-api
curl -s localhost:3000/health; echo
# With its default URL the name mongo does not resolve on the default bridge: the driver gives up after 5 s.
docker run -d --name broken notes-api
sleep 6
docker logs broken
docker ps -a --format '{{.Names}}: {{.Status}}'
# node as PID 1 installs no SIGTERM handler: docker stop waits its 10 seconds, then SIGKILL (137).
time docker stop backend
docker ps -a --filter name=backend --format '{{.Names}}: {{.Status}}'

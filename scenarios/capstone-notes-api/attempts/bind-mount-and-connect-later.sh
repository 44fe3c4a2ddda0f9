# Another valid way: the seed's Dockerfile order, a host folder for the data (--mount), the network attached later,
# and a restart policy so backend comes back if it ever stops.
cat > Dockerfile <<'DOCKERFILE'
FROM node:20
WORKDIR /usr/src/app
COPY package* .
RUN npm install
COPY . .
EXPOSE 3000
CMD ["node", "src/index.js"]
DOCKERFILE
docker build --tag notes-api:latest .
mkdir -p mongo-data
docker network create app
docker create --name mongo --mount type=bind,source="$(pwd)"/mongo-data,target=/data/db mongo:8
docker network connect app mongo
docker start mongo
docker run -d --name backend --restart unless-stopped -p 3000:3000 notes-api
docker network connect app backend
sleep 8
docker ps -a
curl -s -X POST -H 'Content-Type: application/json' -d '{"text":"hello"}' localhost:3000/notes
curl -s localhost:3000/notes

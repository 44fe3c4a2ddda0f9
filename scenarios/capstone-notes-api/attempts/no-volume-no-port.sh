# Two things missing: mongo keeps its data only in the image's anonymous volume, and backend publishes no port.
cat > Dockerfile <<'DOCKERFILE'
FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
CMD ["node", "src/index.js"]
DOCKERFILE
docker build -t notes-api .
docker network create notes-net
docker run -d --name mongo --network notes-net mongo
docker run -d --name backend --network notes-net notes-api

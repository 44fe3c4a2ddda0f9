# mongo runs with --rm: the data is safe in its volume, but once mongo is killed the container is gone.
cat > Dockerfile <<'DOCKERFILE'
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY src ./src
EXPOSE 3000
CMD ["node", "src/index.js"]
DOCKERFILE
docker build -t notes-api .
docker network create notes-net
docker run -d --rm --name mongo --network notes-net -v notes-data:/data/db mongo
docker run -d --name backend --network notes-net -p 3000:3000 notes-api

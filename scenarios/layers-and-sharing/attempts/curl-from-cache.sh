# Another correct way: the worker repeats node-curl's first step, which BuildKit takes from the cache as the same layer
docker build -t node-curl base
docker buildx build --tag web ./web
docker image build -t worker worker/
cat > web/Dockerfile <<'EOF'
FROM node:20-alpine
LABEL maintainer="team@example.com"
ENV NODE_ENV production
WORKDIR /app
COPY server.js .
EXPOSE 8080
CMD ["node", "server.js"]
EOF
docker build -t web web
cat > worker/Dockerfile <<'EOF'
FROM node:20-alpine
RUN apk add --no-cache curl
WORKDIR /app
COPY worker.js .
CMD ["node", "worker.js"]
EOF
docker build --progress=plain -t worker worker
docker image inspect --format '{{json .RootFS.Layers}}' node-curl worker
docker run --rm worker curl --version

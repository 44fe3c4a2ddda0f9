# Mistake: sets NODE_ENV with RUN export (a new layer, and the variable dies with that step's shell)
docker build -t web web
docker build -t worker worker
cat > web/Dockerfile <<'EOF'
FROM node:20-alpine

WORKDIR /app

COPY server.js .

RUN export NODE_ENV=production
LABEL org.opencontainers.image.title=web

EXPOSE 8080

CMD ["node", "server.js"]
EOF
docker build -t web web
docker build -t node-curl base
sed -i 's/^FROM node:20-alpine$/FROM node-curl/' worker/Dockerfile
docker build -t worker worker

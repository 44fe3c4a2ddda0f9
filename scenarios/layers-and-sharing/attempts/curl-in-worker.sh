# Mistake: installs curl in the worker itself, after WORKDIR, so its layer sits on different layers than node-curl's
docker build -t web web
cat > web/Dockerfile <<'EOF'
FROM node:20-alpine
WORKDIR /app
COPY server.js .
ENV NODE_ENV=production
LABEL org.opencontainers.image.title=web
EXPOSE 8080
CMD ["node", "server.js"]
EOF
docker build -t web web
docker build -t node-curl base
cat > worker/Dockerfile <<'EOF'
FROM node:20-alpine

WORKDIR /app

RUN apk add --no-cache curl

COPY worker.js .

CMD ["node", "worker.js"]
EOF
docker build -t worker worker

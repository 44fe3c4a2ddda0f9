# Mistake: deletes .env with RUN rm after COPY . .; the file is gone from the final filesystem but still in the COPY layer
cat > .dockerignore <<'EOF'
.git
node_modules
logs
*.log
EOF
cat > Dockerfile <<'EOF'
FROM node:20-alpine

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev

COPY . .
RUN rm -f .env

EXPOSE 3000
CMD ["node", "src/server.js"]
EOF
docker build -t shop-api .
docker run -d --name shop -p 3000:3000 --env-file .env shop-api
curl -s localhost:3000/

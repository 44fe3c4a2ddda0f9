# Another correct way: no .dockerignore, but the Dockerfile copies only the source folder it needs
cat > Dockerfile <<'EOF'
FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY src ./src
EXPOSE 3000
CMD ["node", "src/server.js"]
EOF
docker build -t shop-api .
docker run -d --name shop -p 3000:3000 -e PAYMENT_API_KEY=sk_test_123 shop-api
curl -s localhost:3000/

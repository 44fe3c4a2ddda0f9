# Mistake: the final stage gets the production dependencies but not the compiled dist/
cat > Dockerfile <<'EOF'
FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
EXPOSE 3000
CMD ["node", "dist/index.js"]
EOF
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
docker logs api

# Mistake: moves npm run build up with npm install, before the source is in the image
cat > Dockerfile <<'EOF'
FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install
RUN npm run build
COPY . .
EXPOSE 3000
CMD ["node", "dist/index.js"]
EOF
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api

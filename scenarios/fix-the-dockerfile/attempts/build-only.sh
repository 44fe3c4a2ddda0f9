# Mistake: adds the build step but keeps the trailing comma, so CMD is still run by /bin/sh
cat > Dockerfile <<'EOF'
FROM node:20

WORKDIR /usr/src/app

COPY package* .

RUN npm install

COPY . .
RUN npm run build

EXPOSE 3000

CMD ["node", "dist/index.js", ]
EOF
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
docker logs api

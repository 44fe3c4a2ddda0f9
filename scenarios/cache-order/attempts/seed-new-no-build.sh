# Mistake: the seed lesson's "new" order, copied as written: install is cached, but nothing runs npm run build
cat > Dockerfile <<'EOF'
FROM node:20

WORKDIR /usr/src/app

COPY package* .

RUN npm install

COPY . .

EXPOSE 3000

CMD ["node", "dist/index.js"]
EOF
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
docker logs api

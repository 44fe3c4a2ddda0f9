# Mistake: *.log in .dockerignore matches only at the context's root, so logs/app.log is still sent and copied
cat > .dockerignore <<'EOF'
.env
.git
node_modules
*.log
EOF
docker build -t shop-api .
docker run -d --name shop -p 3000:3000 --env-file .env shop-api
curl -s localhost:3000/

# Mistake: sets ENV but forgets the label, and never builds the node-curl base image
docker build -t worker worker
cat >> web/Dockerfile <<'EOF'
ENV NODE_ENV=production
EOF
docker build -t web web

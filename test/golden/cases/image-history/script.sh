docker pull node:20
docker history node:20
docker history -H=false --format '{{.CreatedAt}} {{.Size}} {{.Comment}}' node:20

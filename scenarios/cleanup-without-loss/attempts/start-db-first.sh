# A running container's image and volumes are in use, so the prune spares them.
docker start db
docker system prune -a --volumes -f
docker stop db
docker system df

# The default prune: stopped containers (db too), dangling images, the build cache.
docker system prune -f
docker system df

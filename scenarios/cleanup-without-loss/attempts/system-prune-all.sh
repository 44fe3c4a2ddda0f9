# Docker 28 keeps named volumes even here, but the stopped db container goes.
docker system prune -a --volumes -f
docker volume ls

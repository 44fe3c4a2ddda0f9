docker system df
docker pull node:20
docker pull python:3.12
docker system df
docker system df -v

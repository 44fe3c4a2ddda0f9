# Trusting the image's VOLUME: the data goes into an anonymous volume.
docker run -d --name db -p 27017:27017 mongo
docker volume ls

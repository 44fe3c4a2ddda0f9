# The --mount spelling, writable, with a relative source.
docker run -d --name web -p 8080:80 --mount type=bind,src=./site,dst=/usr/share/nginx/html nginx
sed -i 's/Opening soon/Now open/' site/index.html
curl -s localhost:8080 | grep status

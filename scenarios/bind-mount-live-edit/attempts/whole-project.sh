# The project folder instead of the site folder: / has no index.html.
docker run -d --name web -p 8080:80 -v "$PWD":/usr/share/nginx/html nginx
sed -i 's/Opening soon/Now open/' site/index.html
curl -s localhost:8080

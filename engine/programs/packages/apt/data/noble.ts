/**
 * Ubuntu 24.04 (noble) amd64 packages that Dockerfiles install, mid-2025: versions from the release and
 * noble-updates pockets, sizes rounded (deb size in kB, Installed-Size in KiB), dependency lists keeping what a fresh
 * ubuntu:noble does not already have (noble renamed many libraries with a `t64` suffix). Format: see format.md.
 */
export const NOBLE = `
curl 8.5.0-2ubuntu10.6 226 534 s=updates d=libcurl4t64 b=curl # command line tool for transferring data with URL syntax
libcurl4t64 8.5.0-2ubuntu10.6 341 910 s=updates r=ca-certificates d=libbrotli1,libgssapi-krb5-2,libldap2,libnghttp2-14,libpsl5t64,librtmp1,libssh-4
libcurl3t64-gnutls 8.5.0-2ubuntu10.6 333 898 s=updates r=ca-certificates d=libbrotli1,libgssapi-krb5-2,libldap2,libnghttp2-14,libpsl5t64,librtmp1,libssh-4
libbrotli1 1.1.0-2build2 331 1029
libgssapi-krb5-2 1.20.1-6ubuntu2.6 143 452 s=updates d=libk5crypto3,libkrb5-3,libkrb5support0
libk5crypto3 1.20.1-6ubuntu2.6 81 291 s=updates d=libkrb5support0
libkrb5support0 1.20.1-6ubuntu2.6 34 132 s=updates d=libkeyutils1
libkeyutils1 1.6.3-3build1 9 46
libkrb5-3 1.20.1-6ubuntu2.6 348 1118 s=updates d=libk5crypto3,libkeyutils1,libkrb5support0 r=krb5-locales
krb5-locales 1.20.1-6ubuntu2.6 14 80 s=updates a
libldap2 2.6.7+dfsg-1~exp1ubuntu8.2 196 601 s=updates d=libsasl2-2 r=libldap-common
libldap-common 2.6.7+dfsg-1~exp1ubuntu8.2 31 171 s=updates a
libsasl2-2 2.1.28+dfsg1-5ubuntu3.1 54 170 s=updates d=libsasl2-modules-db r=libsasl2-modules
libsasl2-modules-db 2.1.28+dfsg1-5ubuntu3.1 20 104 s=updates
libsasl2-modules 2.1.28+dfsg1-5ubuntu3.1 69 305 s=updates c
libnghttp2-14 1.59.0-1ubuntu0.2 74 211 s=updates
libpsl5t64 0.21.2-1.1build1 57 90 r=publicsuffix
publicsuffix 20231001.0357-0.1 129 320 a
librtmp1 2.4+20151223.gitfa8646d.1-2build7 56 141
libssh-4 0.10.6-2ubuntu0.1 188 565 s=updates
ca-certificates 20240203 159 399 a c d=openssl # Common CA certificates
openssl 3.0.13-0ubuntu3.5 1003 2227 s=updates b=openssl # Secure Sockets Layer toolkit - cryptographic utility
wget 1.21.4-1ubuntu4.1 334 951 s=updates d=libpsl5t64 r=ca-certificates b=wget # retrieves files from the web
git 1:2.43.0-1ubuntu7.2 3679 22071 s=updates d=git-man,libcurl3t64-gnutls,liberror-perl,libexpat1,perl r=ca-certificates,less,openssh-client,patch b=git # fast, scalable, distributed revision control system
git-man 1:2.43.0-1ubuntu7.2 1100 5029 s=updates a
liberror-perl 0.17029-2 25 50 a
libexpat1 2.6.1-2ubuntu0.3 88 371 s=updates
perl 5.38.2-3.2ubuntu0.1 231 728 s=updates d=perl-modules-5.38,libperl5.38t64 b=perl # Larry Wall's Practical Extraction and Report Language
perl-modules-5.38 5.38.2-3.2ubuntu0.1 3110 17599 s=updates a
libperl5.38t64 5.38.2-3.2ubuntu0.1 4874 28292 s=updates d=libgdbm6t64,libgdbm-compat4t64
libgdbm6t64 1.23-5.1build1 34 122
libgdbm-compat4t64 1.23-5.1build1 6 41 d=libgdbm6t64
less 590-2ubuntu2.1 142 364 s=updates b=less # pager program similar to more
openssh-client 1:9.6p1-3ubuntu13.12 906 5099 s=updates d=libcbor0.10,libedit2,libfido2-1 r=xauth b=ssh,scp,ssh-keygen # secure shell (SSH) client, for secure access to remote machines
libcbor0.10 0.10.2-1.2ubuntu2 26 90
libedit2 3.1-20230828-1build1 97 265 d=libbsd0
libbsd0 0.12.1-1build1.1 41 153 s=updates
libfido2-1 1.14.0-1build3 83 254 d=libcbor0.10
xauth 1:1.1.2-1build1 25 80 d=libx11-6,libxext6,libxmuu1 b=xauth
libx11-6 2:1.8.7-1build1 650 1620 d=libxcb1,libx11-data
libx11-data 2:1.8.7-1build1 115 1545 a
libxcb1 1.15-1ubuntu2 45 306 d=libxau6,libxdmcp6
libxau6 1:1.0.9-1build6 7 40
libxdmcp6 1:1.1.3-0ubuntu6 10 50
libxext6 2:1.3.4-1build2 30 112
libxmuu1 2:1.1.3-3build2 8 50
patch 2.7.6-7build3 104 250 b=patch # Apply a diff file to an original
netbase 6.4 13 45 a # Basic TCP/IP networking system
python3 3.12.3-0ubuntu2 23 89 s=updates d=python3-minimal,python3.12,libpython3-stdlib # interactive high-level object-oriented language (default python3 version)
python3-minimal 3.12.3-0ubuntu2 27 134 s=updates d=python3.12-minimal l=python3>python3.12
python3.12 3.12.3-1ubuntu0.7 651 694 s=updates d=python3.12-minimal,libpython3.12-stdlib,media-types
python3.12-minimal 3.12.3-1ubuntu0.7 2340 6459 s=updates d=libpython3.12-minimal,libexpat1 b=python3.12:python3
libpython3.12-minimal 3.12.3-1ubuntu0.7 832 4936 s=updates
libpython3.12-stdlib 3.12.3-1ubuntu0.7 2068 8489 s=updates d=libpython3.12-minimal,libreadline8t64,libsqlite3-0,netbase,tzdata
libpython3-stdlib 3.12.3-0ubuntu2 10 30 s=updates d=libpython3.12-stdlib
media-types 10.1.0 27 101 a
libreadline8t64 8.2-4build1 153 480 d=readline-common
readline-common 8.2-4build1 56 180 a
libsqlite3-0 3.45.1-1ubuntu2.3 701 1706 s=updates
python3-pip 24.0+dfsg-1ubuntu1.1 1317 6829 s=updates a d=python3,python3-setuptools,python3-wheel,ca-certificates r=build-essential,python3-dev # Python package installer
python3-setuptools 68.1.2-2ubuntu1.2 397 2030 s=updates a d=python3-pkg-resources
python3-pkg-resources 68.1.2-2ubuntu1.2 168 1001 s=updates a d=python3
python3-wheel 0.42.0-2 53 200 a
python3-dev 3.12.3-0ubuntu2 26 40 s=updates d=python3.12-dev,libpython3-dev # header files and a static library for Python (default)
python3.12-dev 3.12.3-1ubuntu0.7 498 1275 s=updates d=libpython3.12-dev,libexpat1-dev,zlib1g-dev
libpython3.12-dev 3.12.3-1ubuntu0.7 5677 25137 s=updates
libpython3-dev 3.12.3-0ubuntu2 10 30 s=updates d=libpython3.12-dev
libexpat1-dev 2.6.1-2ubuntu0.3 140 1103 s=updates d=libexpat1,libc6-dev
zlib1g-dev 1:1.3.dfsg-3.1ubuntu2.1 894 1397 s=updates d=libc6-dev
build-essential 12.10ubuntu1 5 20 d=gcc,g++,make,dpkg-dev,libc6-dev # Informational list of build-essential packages
gcc 4:13.2.0-7ubuntu1 5 51 d=gcc-13,cpp l=gcc>gcc-13,cc>gcc # GNU C compiler
gcc-13 13.3.0-6ubuntu2~24.04 21148 63210 s=updates d=cpp-13,libgcc-13-dev,binutils b=x86_64-linux-gnu-gcc-13:gcc l=gcc-13>x86_64-linux-gnu-gcc-13
cpp 4:13.2.0-7ubuntu1 4 31 d=cpp-13
cpp-13 13.3.0-6ubuntu2~24.04 10345 30862 s=updates d=libisl23,libmpc3,libmpfr6 b=x86_64-linux-gnu-cpp-13:cpp l=cpp-13>x86_64-linux-gnu-cpp-13
libgcc-13-dev 13.3.0-6ubuntu2~24.04 2681 11260 s=updates d=libasan8,libtsan2,libubsan1,liblsan0,libhwasan0,libgomp1,libitm1,libatomic1,libquadmath0,libcc1-0
libasan8 14.2.0-4ubuntu2~24.04 3029 10196 s=updates
libtsan2 14.2.0-4ubuntu2~24.04 2737 9174 s=updates
libubsan1 14.2.0-4ubuntu2~24.04 1184 3815 s=updates
liblsan0 14.2.0-4ubuntu2~24.04 1317 4013 s=updates
libhwasan0 14.2.0-4ubuntu2~24.04 1641 5020 s=updates
libgomp1 14.2.0-4ubuntu2~24.04 148 409 s=updates
libitm1 14.2.0-4ubuntu2~24.04 29 112 s=updates
libatomic1 14.2.0-4ubuntu2~24.04 10 41 s=updates
libquadmath0 14.2.0-4ubuntu2~24.04 153 311 s=updates
libcc1-0 14.2.0-4ubuntu2~24.04 47 160 s=updates
libisl23 0.26-3build1.1 680 2640 s=updates
libmpc3 1.3.1-1build1.1 55 131 s=updates
libmpfr6 4.2.1-1build1.1 353 1413 s=updates
binutils 2.42-4ubuntu2.5 18 80 s=updates d=binutils-common,libbinutils,binutils-x86-64-linux-gnu b=ld:ld,as:as,ar:ar
binutils-x86-64-linux-gnu 2.42-4ubuntu2.5 2462 11010 s=updates d=libctf0,libgprofng0,libsframe1,libjansson4
binutils-common 2.42-4ubuntu2.5 240 1411 s=updates
libbinutils 2.42-4ubuntu2.5 576 2542 s=updates
libctf0 2.42-4ubuntu2.5 94 302 s=updates d=libctf-nobfd0
libctf-nobfd0 2.42-4ubuntu2.5 97 305 s=updates
libgprofng0 2.42-4ubuntu2.5 849 3560 s=updates
libsframe1 2.42-4ubuntu2.5 14 50 s=updates
libjansson4 2.14-2build2 32 99
g++ 4:13.2.0-7ubuntu1 1 15 d=g++-13 l=g++>g++-13,c++>g++ # GNU C++ compiler
g++-13 13.3.0-6ubuntu2~24.04 14508 40713 s=updates d=gcc-13,libstdc++-13-dev b=x86_64-linux-gnu-g++-13:g++ l=g++-13>x86_64-linux-gnu-g++-13
libstdc++-13-dev 13.3.0-6ubuntu2~24.04 2420 19168 s=updates d=libgcc-13-dev,libc6-dev
make 4.3-4.1build2 180 410 b=make # utility for directing compilation
dpkg-dev 1.22.6ubuntu6.1 1074 3027 s=updates a d=binutils,libdpkg-perl,make,patch,xz-utils,bzip2 b=dpkg-buildpackage,dpkg-source # Debian package development tools
libdpkg-perl 1.22.6ubuntu6.1 268 1915 s=updates a d=perl
xz-utils 5.6.1+really5.4.5-1ubuntu0.2 267 803 s=updates b=xz # XZ-format compression utilities
bzip2 1.0.8-5.1build0.1 34 100 b=bzip2 # high-quality block-sorting file compressor - utilities
libc6-dev 2.39-0ubuntu8.4 1883 12133 s=updates d=libc-dev-bin,linux-libc-dev,libcrypt-dev,rpcsvc-proto # GNU C Library: Development Libraries and Header Files
libc-dev-bin 2.39-0ubuntu8.4 20 103 s=updates
linux-libc-dev 6.8.0-63.66 1902 9060 s=updates
libcrypt-dev 1:4.4.36-4build1 112 309
rpcsvc-proto 1.4.2-0ubuntu7 67 302
vim 2:9.1.0016-1ubuntu7.8 1881 4036 s=updates d=vim-common,vim-runtime,libgpm2,libsodium23 b=vim.basic:vim l=vim>vim.basic # Vi IMproved - enhanced vi editor
vim-common 2:9.1.0016-1ubuntu7.8 385 401 s=updates a b=xxd
vim-runtime 2:9.1.0016-1ubuntu7.8 7281 40164 s=updates a
libgpm2 1.20.7-11 14 40
libsodium23 1.0.18-1build3 161 486
nano 7.2-2ubuntu0.1 288 881 s=updates b=nano # small, friendly text editor inspired by Pico
procps 2:4.0.4-4ubuntu3.2 708 2306 s=updates d=libproc2-0 r=psmisc b=ps,top,free,pgrep,pkill,uptime,vmstat,watch # /proc file system utilities
libproc2-0 2:4.0.4-4ubuntu3.2 59 180 s=updates
psmisc 23.7-1build1 179 808 b=killall,fuser,pstree
iputils-ping 3:20240117-1ubuntu0.1 44 114 s=updates d=libcap2-bin b=ping # Tools to test the reachability of network hosts
libcap2-bin 1:2.66-5ubuntu2.2 34 125 s=updates
net-tools 2.10-0.1ubuntu4.4 204 817 s=updates b=netstat,ifconfig,route,arp # NET-3 networking toolkit
dnsutils 1:9.18.30-0ubuntu0.24.04.2 3 20 s=updates a d=bind9-dnsutils # Transitional package for bind9-dnsutils
bind9-dnsutils 1:9.18.30-0ubuntu0.24.04.2 156 507 s=updates d=bind9-libs,bind9-host b=dig,nslookup,nsupdate
bind9-host 1:9.18.30-0ubuntu0.24.04.2 50 143 s=updates d=bind9-libs b=host
bind9-libs 1:9.18.30-0ubuntu0.24.04.2 1245 3716 s=updates d=libuv1t64,libjson-c5,liblmdb0,libmaxminddb0,libxml2,libfstrm0,libprotobuf-c1,libnghttp2-14
libuv1t64 1.48.0-1.1build1 97 302
libjson-c5 0.17-1build1 35 150
liblmdb0 0.9.31-1build1 48 118
libmaxminddb0 1.9.1-1build1 25 82
libxml2 2.9.14+dfsg-1.3ubuntu3.3 763 2088 s=updates d=libicu74
libicu74 74.2-1ubuntu3.1 10891 35196 s=updates
libfstrm0 0.6.1-1build3 21 63
libprotobuf-c1 1.4.1-1ubuntu4 20 71
gnupg 2.4.4-2ubuntu17.2 359 402 s=updates a d=dirmngr,gnupg-l10n,gnupg-utils,gpg,gpg-agent,gpgsm,keyboxd # GNU privacy guard - a free PGP replacement
dirmngr 2.4.4-2ubuntu17.2 323 843 s=updates d=libassuan0,libksba8,libnpth0t64,libldap2,gpgconf b=dirmngr
gnupg-l10n 2.4.4-2ubuntu17.2 66 365 s=updates a
gnupg-utils 2.4.4-2ubuntu17.2 109 328 s=updates d=libassuan0,libksba8,libnpth0t64
gpg 2.4.4-2ubuntu17.2 565 1130 s=updates d=gpgconf,libassuan0,libnpth0t64,libreadline8t64,libsqlite3-0 b=gpg
gpg-agent 2.4.4-2ubuntu17.2 227 687 s=updates d=gpgconf,pinentry-curses,libassuan0,libnpth0t64
gpgsm 2.4.4-2ubuntu17.2 232 611 s=updates d=gpgconf,libassuan0,libksba8,libnpth0t64
gpgconf 2.4.4-2ubuntu17.2 103 290 s=updates d=libassuan0,libreadline8t64 b=gpgconf
keyboxd 2.4.4-2ubuntu17.2 78 202 s=updates d=libassuan0,libnpth0t64,libsqlite3-0
libassuan0 2.5.6-1build1 38 118
libksba8 1.6.6-1build1 122 388
libnpth0t64 1.6-3.1build1 8 44
pinentry-curses 1.2.1-3ubuntu5 35 104
unzip 6.0-28ubuntu4.1 174 384 s=updates b=unzip # De-archiver for .zip files
zip 3.0-13ubuntu0.2 176 552 s=updates b=zip # Archiver for .zip files
jq 1.7.1-3build1 65 106 d=libjq1 b=jq # lightweight and flexible command-line JSON processor
libjq1 1.7.1-3build1 141 408 d=libonig5
libonig5 6.9.9-1build1 172 643
tzdata 2025b-0ubuntu0.24.04.1 276 1495 s=updates a c # time zone and daylight-saving time data
locales 2.39-0ubuntu8.4 4226 17182 s=updates a c # GNU C Library: National Language (locale) data [support]
sqlite3 3.45.1-1ubuntu2.3 144 1760 s=updates d=libsqlite3-0,libreadline8t64 b=sqlite3 # Command line interface for SQLite 3
postgresql-client 16+257build1.1 11 30 s=updates a d=postgresql-client-16 # front-end programs for PostgreSQL (supported version)
postgresql-client-16 16.9-0ubuntu0.24.04.1 1300 4644 s=updates d=libpq5,postgresql-client-common,libreadline8t64 r=less b=psql,pg_dump,pg_restore
postgresql-client-common 257build1.1 36 196 s=updates a
libpq5 16.9-0ubuntu0.24.04.1 144 705 s=updates d=libgssapi-krb5-2,libldap2
default-mysql-client 1.1.0build1 3 15 a d=mysql-client-8.0 # MySQL database client binaries (metapackage)
mysql-client-8.0 8.0.42-0ubuntu0.24.04.1 2710 15034 s=updates d=mysql-client-core-8.0,mysql-common b=mysql,mysqldump
mysql-client-core-8.0 8.0.42-0ubuntu0.24.04.1 2712 66104 s=updates
mysql-common 5.8+1.1.0build1 7 40 a
`;

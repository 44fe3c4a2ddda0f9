/**
 * Debian 12 (bookworm, 12.11) amd64 packages that Dockerfiles install, mid-2025. Versions are the archive's; sizes
 * are rounded from `apt-cache show` (deb size in kB, Installed-Size in KiB); dependency lists keep the packages a
 * fresh debian:bookworm does not already have. Format: see format.md.
 */
export const BOOKWORM = `
curl 7.88.1-10+deb12u12 315 500 d=libcurl4 b=curl # command line tool for transferring data with URL syntax
libcurl4 7.88.1-10+deb12u12 391 798 r=ca-certificates d=libbrotli1,libgssapi-krb5-2,libldap-2.5-0,libnghttp2-14,libpsl5,librtmp1,libssh2-1
libcurl3-gnutls 7.88.1-10+deb12u12 385 802 r=ca-certificates d=libbrotli1,libgssapi-krb5-2,libldap-2.5-0,libnghttp2-14,libpsl5,librtmp1,libssh2-1
libbrotli1 1.0.9-2+b6 275 874
libgssapi-krb5-2 1.20.1-2+deb12u3 135 407 d=libk5crypto3,libkrb5-3,libkrb5support0
libk5crypto3 1.20.1-2+deb12u3 80 301 d=libkrb5support0
libkrb5support0 1.20.1-2+deb12u3 33 126 d=libkeyutils1
libkeyutils1 1.6.3-2 9 46
libkrb5-3 1.20.1-2+deb12u3 332 1082 d=libk5crypto3,libkeyutils1,libkrb5support0 r=krb5-locales
krb5-locales 1.20.1-2+deb12u3 63 942 a
libldap-2.5-0 2.5.13+dfsg-5 183 582 d=libsasl2-2 r=libldap-common
libldap-common 2.5.13+dfsg-5 29 168 a
libsasl2-2 2.1.28+dfsg-10 60 169 d=libsasl2-modules-db r=libsasl2-modules
libsasl2-modules-db 2.1.28+dfsg-10 20 103
libsasl2-modules 2.1.28+dfsg-10 67 309 c
libnghttp2-14 1.52.0-1+deb12u2 72 198
libpsl5 0.21.2-1 59 91 r=publicsuffix
publicsuffix 20230209.2326-1 126 318 a
librtmp1 2.4+20151223.gitfa8646d.1-2+b2 61 148
libssh2-1 1.10.0-3+b1 179 367
ca-certificates 20230311+deb12u1 153 394 a c d=openssl # Common CA certificates
openssl 3.0.16-1~deb12u1 1427 2301 b=openssl # Secure Sockets Layer toolkit - cryptographic utility
wget 1.21.3-1+deb12u1 937 3657 d=libpsl5 r=ca-certificates b=wget # retrieves files from the web
git 1:2.39.5-0+deb12u2 7260 38446 d=git-man,libcurl3-gnutls,liberror-perl,libexpat1,perl r=ca-certificates,less,openssh-client,patch b=git # fast, scalable, distributed revision control system
git-man 1:2.39.5-0+deb12u2 2051 12122 a
liberror-perl 0.17029-2 29 51 a
libexpat1 2.5.0-1+deb12u1 99 357
perl 5.36.0-7+deb12u2 239 680 d=perl-modules-5.36,libperl5.36 b=perl # Larry Wall's Practical Extraction and Report Language
perl-modules-5.36 5.36.0-7+deb12u2 2815 17806 a
libperl5.36 5.36.0-7+deb12u2 4207 28029 d=libgdbm6,libgdbm-compat4
libgdbm6 1.23-3 72 217
libgdbm-compat4 1.23-3 48 81 d=libgdbm6
less 590-2.1~deb12u2 132 317 b=less # pager program similar to more
openssh-client 1:9.2p1-2+deb12u6 991 5060 d=libcbor0.8,libedit2,libfido2-1 r=xauth b=ssh,scp,ssh-keygen # secure shell (SSH) client, for secure access to remote machines
libcbor0.8 0.8.0-2+b1 27 96
libedit2 3.1-20221030-2 88 257 d=libbsd0
libbsd0 0.11.7-2 117 331
libfido2-1 1.12.0-2+b1 77 241 d=libcbor0.8
xauth 1:1.1.2-1 35 81 d=libx11-6,libxext6,libxmuu1 b=xauth
libx11-6 2:1.8.4-2+deb12u2 760 1552 d=libxcb1,libx11-data
libx11-data 2:1.8.4-2+deb12u2 292 1567 a
libxcb1 1.15-1 144 388 d=libxau6,libxdmcp6
libxau6 1:1.0.9-1 20 48
libxdmcp6 1:1.1.2-3 26 58
libxext6 2:1.3.4-1+b1 52 127
libxmuu1 2:1.1.3-3 24 56
patch 2.7.6-7 128 245 b=patch # Apply a diff file to an original
netbase 6.4 13 41 a # Basic TCP/IP networking system
python3 3.11.2-1+b1 26 89 d=python3-minimal,python3.11,libpython3-stdlib # interactive high-level object-oriented language (default python3 version)
python3-minimal 3.11.2-1+b1 27 134 d=python3.11-minimal l=python3>python3.11
python3.11 3.11.2-6+deb12u6 573 640 d=python3.11-minimal,libpython3.11-stdlib,media-types
python3.11-minimal 3.11.2-6+deb12u6 2064 6118 d=libpython3.11-minimal,libexpat1 b=python3.11:python3
libpython3.11-minimal 3.11.2-6+deb12u6 817 4857
libpython3.11-stdlib 3.11.2-6+deb12u6 1798 8072 d=libpython3.11-minimal,libncursesw6,libreadline8,libsqlite3-0,libnsl2,netbase
libpython3-stdlib 3.11.2-1+b1 9 36 d=libpython3.11-stdlib
media-types 10.0.0 26 102 a
libreadline8 8.2-1.3 163 481 d=readline-common
readline-common 8.2-1.3 69 180 a
libsqlite3-0 3.40.1-2+deb12u1 839 1712
libncursesw6 6.4-4 134 411
libnsl2 1.3.0-2 39 127 d=libtirpc3
libtirpc3 1.3.3+ds-1 85 219 d=libtirpc-common
libtirpc-common 1.3.3+ds-1 14 36 a
python3-pip 23.0.1+dfsg-1 1325 6789 a d=python3,python3-setuptools,python3-wheel,ca-certificates r=build-essential,python3-dev # Python package installer
python3-setuptools 66.1.1-1+deb12u1 522 2669 a d=python3-pkg-resources,python3-distutils
python3-pkg-resources 66.1.1-1+deb12u1 296 1176 a d=python3
python3-distutils 3.11.2-3 131 629 a d=python3-lib2to3
python3-lib2to3 3.11.2-3 77 402 a
python3-wheel 0.38.4-2 30 128 a
python3-dev 3.11.2-1+b1 26 34 d=python3.11-dev,libpython3-dev # header files and a static library for Python (default)
python3.11-dev 3.11.2-6+deb12u6 504 1250 d=libpython3.11-dev,libexpat1-dev,zlib1g-dev
libpython3.11-dev 3.11.2-6+deb12u6 4742 21983
libpython3-dev 3.11.2-1+b1 9 36 d=libpython3.11-dev
libexpat1-dev 2.5.0-1+deb12u1 151 1157 d=libexpat1,libc6-dev
zlib1g-dev 1:1.2.13.dfsg-1 916 1359 d=libc6-dev
build-essential 12.9 8 20 d=gcc,g++,make,dpkg-dev,libc6-dev # Informational list of build-essential packages
gcc 4:12.2.0-3 5 36 d=gcc-12,cpp l=gcc>gcc-12,cc>gcc # GNU C compiler
gcc-12 12.2.0-14+deb12u1 19322 69788 d=cpp-12,libgcc-12-dev,binutils b=x86_64-linux-gnu-gcc-12:gcc l=gcc-12>x86_64-linux-gnu-gcc-12
cpp 4:12.2.0-3 7 34 d=cpp-12
cpp-12 12.2.0-14+deb12u1 9347 30106 d=libisl23,libmpc3,libmpfr6 b=x86_64-linux-gnu-cpp-12:cpp l=cpp-12>x86_64-linux-gnu-cpp-12
libgcc-12-dev 12.2.0-14+deb12u1 2437 10220 d=libasan8,libtsan2,libubsan1,liblsan0,libgomp1,libitm1,libatomic1,libquadmath0,libcc1-0
libasan8 12.2.0-14+deb12u1 2193 7704
libtsan2 12.2.0-14+deb12u1 2197 7612
libubsan1 12.2.0-14+deb12u1 883 2935
liblsan0 12.2.0-14+deb12u1 969 2916
libgomp1 12.2.0-14+deb12u1 116 323
libitm1 12.2.0-14+deb12u1 26 110
libatomic1 12.2.0-14+deb12u1 9 40
libquadmath0 12.2.0-14+deb12u1 145 302
libcc1-0 12.2.0-14+deb12u1 41 156
libisl23 0.25-1.1 683 2605
libmpc3 1.3.1-1 51 127
libmpfr6 4.2.0-1 701 1655
binutils 2.40-2 65 220 d=binutils-common,libbinutils,binutils-x86-64-linux-gnu b=ld:ld,as:as,ar:ar
binutils-x86-64-linux-gnu 2.40-2 2474 11041 d=libctf0,libgprofng0,libjansson4
binutils-common 2.40-2 2487 11753
libbinutils 2.40-2 572 2492
libctf0 2.40-2 92 287 d=libctf-nobfd0
libctf-nobfd0 2.40-2 153 412
libgprofng0 2.40-2 810 3344
libjansson4 2.14-2 40 99
g++ 4:12.2.0-3 1 15 d=g++-12 l=g++>g++-12,c++>g++ # GNU C++ compiler
g++-12 12.2.0-14+deb12u1 10465 38208 d=gcc-12,libstdc++-12-dev b=x86_64-linux-gnu-g++-12:g++ l=g++-12>x86_64-linux-gnu-g++-12
libstdc++-12-dev 12.2.0-14+deb12u1 2047 18596 d=libgcc-12-dev,libc6-dev
make 4.3-4.1 396 1631 b=make # utility for directing compilation
dpkg-dev 1.21.22 1353 3424 a d=binutils,libdpkg-perl,make,patch,xz-utils,bzip2 b=dpkg-buildpackage,dpkg-source # Debian package development tools
libdpkg-perl 1.21.22 1602 3064 a d=perl
xz-utils 5.4.1-1 471 1546 b=xz # XZ-format compression utilities
bzip2 1.0.8-5+b1 49 121 b=bzip2 # high-quality block-sorting file compressor - utilities
libc6-dev 2.36-9+deb12u10 1904 11937 d=libc-dev-bin,linux-libc-dev,libcrypt-dev,libnsl-dev,rpcsvc-proto # GNU C Library: Development Libraries and Header Files
libc-dev-bin 2.36-9+deb12u10 46 149
linux-libc-dev 6.1.140-1 2112 9254
libcrypt-dev 1:4.4.33-2 118 371
libnsl-dev 1.3.0-2 66 221 d=libnsl2,libtirpc-dev
libtirpc-dev 1.3.3+ds-1 192 650
rpcsvc-proto 1.4.3-1 63 290
vim 2:9.0.1378-2+deb12u2 1568 3873 d=vim-common,vim-runtime,libgpm2,libsodium23 b=vim.basic:vim l=vim>vim.basic # Vi IMproved - enhanced vi editor
vim-common 2:9.0.1378-2+deb12u2 186 380 a b=xxd
vim-runtime 2:9.0.1378-2+deb12u2 7026 37276 a
libgpm2 1.20.7-10+b1 14 40
libsodium23 1.0.18-1 161 486
nano 7.2-1+deb12u1 690 2806 d=libncursesw6 b=nano # small, friendly text editor inspired by Pico
procps 2:4.0.2-3 709 2335 d=libncursesw6,libproc2-0 r=psmisc b=ps,top,free,pgrep,pkill,uptime,vmstat,watch # /proc file system utilities
libproc2-0 2:4.0.2-3 62 184
psmisc 23.6-1 259 904 b=killall,fuser,pstree
iputils-ping 3:20221126-1+deb12u1 47 117 d=libcap2-bin b=ping # Tools to test the reachability of network hosts
libcap2-bin 1:2.66-4+deb12u1 34 122
net-tools 2.10-0.1 243 1018 b=netstat,ifconfig,route,arp # NET-3 networking toolkit
dnsutils 1:9.18.33-1~deb12u2 11 30 a d=bind9-dnsutils # Transitional package for bind9-dnsutils
bind9-dnsutils 1:9.18.33-1~deb12u2 405 1082 d=bind9-libs,bind9-host b=dig,nslookup,nsupdate
bind9-host 1:9.18.33-1~deb12u2 54 144 d=bind9-libs b=host
bind9-libs 1:9.18.33-1~deb12u2 1158 3545 d=libuv1,libjson-c5,liblmdb0,libmaxminddb0,libxml2,libfstrm0,libprotobuf-c1,libnghttp2-14
libuv1 1.44.2-1+deb12u1 137 355
libjson-c5 0.16-2 44 149
liblmdb0 0.9.24-1 45 117
libmaxminddb0 1.7.1-1 30 82
libxml2 2.9.14+dfsg-1.3~deb12u2 687 2064 d=libicu72
libicu72 72.1-3+deb12u1 9376 36364
libfstrm0 0.6.1-1 22 63
libprotobuf-c1 1.4.1-1+b1 27 71
gnupg 2.2.40-1.1 846 927 a d=dirmngr,gnupg-l10n,gnupg-utils,gpg,gpg-agent,gpgsm # GNU privacy guard - a free PGP replacement
dirmngr 2.2.40-1.1 793 2007 d=libassuan0,libksba8,libnpth0,libldap-2.5-0,gpgconf b=dirmngr
gnupg-l10n 2.2.40-1.1 1093 4979 a
gnupg-utils 2.2.40-1.1 927 2365 d=libassuan0,libksba8,libnpth0
gpg 2.2.40-1.1 949 1789 d=gpgconf,libassuan0,libnpth0,libreadline8,libsqlite3-0 b=gpg
gpg-agent 2.2.40-1.1 695 1568 d=gpgconf,pinentry-curses,libassuan0,libnpth0
gpgsm 2.2.40-1.1 629 1314 d=gpgconf,libassuan0,libksba8,libnpth0
gpgconf 2.2.40-1.1 564 911 d=libassuan0,libreadline8 b=gpgconf
libassuan0 2.5.5-5 49 106
libksba8 1.6.3-2 128 397
libnpth0 1.6-3 19 55
pinentry-curses 1.2.1-1 77 163 d=libncursesw6
unzip 6.0-28 166 529 b=unzip # De-archiver for .zip files
zip 3.0-13 230 638 b=zip # Archiver for .zip files
jq 1.6-2.1 64 102 d=libjq1 b=jq # lightweight and flexible command-line JSON processor
libjq1 1.6-2.1 135 407 d=libonig5
libonig5 6.9.8-1 188 650
tzdata 2025b-0+deb12u1 257 1487 a c # time zone and daylight-saving time data
locales 2.36-9+deb12u10 3904 17040 a c # GNU C Library: National Language (locale) data [support]
sqlite3 3.40.1-2+deb12u1 353 1521 d=libsqlite3-0,libreadline8 b=sqlite3 # Command line interface for SQLite 3
postgresql-client 15+248 9 30 a d=postgresql-client-15 # front-end programs for PostgreSQL (supported version)
postgresql-client-15 15.13-0+deb12u1 1706 7232 d=libpq5,postgresql-client-common,libreadline8 r=less b=psql,pg_dump,pg_restore
postgresql-client-common 248 35 194 a
libpq5 15.13-0+deb12u1 192 930 d=libgssapi-krb5-2,libldap-2.5-0
default-mysql-client 1.1.0 3 15 a d=mariadb-client # MySQL database client binaries (metapackage)
mariadb-client 1:10.11.11-0+deb12u1 3025 15290 d=mariadb-client-core,libmariadb3,mariadb-common b=mariadb,mariadb-dump l=mysql>mariadb,mysqldump>mariadb-dump
mariadb-client-core 1:10.11.11-0+deb12u1 849 4306
libmariadb3 1:10.11.11-0+deb12u1 178 504 d=mariadb-common
mariadb-common 1:10.11.11-0+deb12u1 41 91 a d=mysql-common
mysql-common 5.8+1.1.0 6 38 a
`;

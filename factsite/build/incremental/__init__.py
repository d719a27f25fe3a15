"""Never doing work twice: cache entries on disk, checked articles and page bodies kept between builds, parallel
workers."""

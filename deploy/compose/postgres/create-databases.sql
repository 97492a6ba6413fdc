-- One database per service that owns state; each service migrates its own at start (search-service owns none).
CREATE DATABASE agents;
CREATE DATABASE sessions;
CREATE DATABASE experiences;
CREATE DATABASE pulse;

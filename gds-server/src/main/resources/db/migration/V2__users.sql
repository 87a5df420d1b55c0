-- Users of the GDS and their Part 12 roles. Passwords are stored only as salted PBKDF2 hashes.
CREATE TABLE users (
  user_name     VARCHAR(128) NOT NULL PRIMARY KEY,
  password_hash VARCHAR(512) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_roles (
  user_name VARCHAR(128) NOT NULL REFERENCES users (user_name) ON DELETE CASCADE,
  role      VARCHAR(64)  NOT NULL,
  PRIMARY KEY (user_name, role)
);

// Every app builds the same way: tools/build/app-webpack.js.
module.exports = require('../../tools/build/app-webpack')(__dirname);

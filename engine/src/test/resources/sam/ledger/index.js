exports.handler = async (event) => ({ ok: true });

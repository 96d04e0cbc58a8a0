import { openDatabase } from "../../db/client";
import { addArchive } from "./archive";

const database = await openDatabase();
try {
  await addArchive(database.primary);
} finally {
  await database.close();
}

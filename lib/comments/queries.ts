// The threads pages show are read a page at a time by ./threads.ts (through ./cached.ts).

export type PublicComment = {
  id: number;
  name: string;
  website: string | null;
  body: string;
  createdAt: string;
  replies: PublicComment[];
};

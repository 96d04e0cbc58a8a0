-- Media URLs named the image by its sequential id, so counting found a draft's image. Articles
-- that show an uploaded image now name it by its random public id instead; the old URLs answer
-- 404 from now on.
UPDATE "articles" AS a
SET "hero_image_url" = regexp_replace(a."hero_image_url", '^/media/[0-9]+/', '/media/' || m."public_id" || '/')
FROM "media" AS m
WHERE a."hero_image_url" LIKE '/media/' || m."id" || '/%';
